import { createRequire as __apigateCreateRequire } from 'node:module';
const require = __apigateCreateRequire(import.meta.url);
import{a}from"./chunk-I6L5RJVW.js";import"./chunk-WVDFA7TP.js";export default a();
