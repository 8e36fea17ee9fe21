import { createRequire as __apigateCreateRequire } from 'node:module';
const require = __apigateCreateRequire(import.meta.url);
import{b as n}from"./chunk-XLMX3OPB.js";import{a as t}from"./chunk-WVDFA7TP.js";function i(e){return e.every(r=>n(r)&&Object.keys(r).length===0)}t(i,"isEmptyRequirementList");function o(e,r){let u=r.security;if(Array.isArray(u))return i(u)?"public":"secured";let c=n(e)?e.security:void 0;return Array.isArray(c)?i(c)?"public":"secured":"undeclared"}t(o,"securityStateOf");export{o as a};
