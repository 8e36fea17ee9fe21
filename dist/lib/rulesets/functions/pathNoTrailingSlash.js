import { createRequire as __apigateCreateRequire } from 'node:module';
const require = __apigateCreateRequire(import.meta.url);
import{b as l}from"../../../chunk-BUSUDQS6.js";import{P as i,a as s,f as u}from"../../../chunk-JIUKDD6B.js";var o=u(i(),1);var c=(0,o.createRulesetFunction)({input:null,options:null},s(function(e){if(!l(e))return[];let n=[];for(let t of Object.keys(e))t.length>1&&t.endsWith("/")&&n.push({message:`Path "${t}" ends with a slash: declare it as "${t.replace(/\/+$/,"")||"/"}".`,path:["paths",t]});return n},"pathNoTrailingSlash"));export{c as default};
