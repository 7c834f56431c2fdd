#!/usr/bin/env node
import { runLightdockCli } from './cli-main';

process.exitCode = await runLightdockCli(
  process.argv.slice(2),
  { env: process.env, platform: process.platform },
  { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) },
);
