export { createResponseValidator, ResponseValidator, type ValidatorSource } from './validator.js';
