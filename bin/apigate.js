#!/usr/bin/env node
// Thin launcher: all behaviour lives in the compiled CLI module.
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv);
