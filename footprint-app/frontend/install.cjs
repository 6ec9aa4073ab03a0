// Runs `npm ci` for the report's chart and map packages, unless node_modules already holds exactly
// what package-lock.json pins (npm writes that record to node_modules/.package-lock.json). Maven
// calls this in generate-resources (see ../pom.xml), so builds after the first skip the reinstall
// and concurrent builds in one tree do not delete node_modules under each other.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const here = __dirname;
function pinned(file) {
  try {
    const packages = JSON.parse(fs.readFileSync(file, 'utf8')).packages || {};
    return Object.keys(packages)
      .filter((k) => k !== '')
      .sort()
      .map((k) => k + '@' + packages[k].version + '#' + packages[k].integrity)
      .join('\n');
  } catch (e) {
    return null;
  }
}

const wanted = pinned(path.join(here, 'package-lock.json'));
if (wanted === null) {
  console.error('footprint-app/frontend/package-lock.json is missing or not JSON');
  process.exit(1);
}
if (pinned(path.join(here, 'node_modules', '.package-lock.json')) === wanted) {
  console.log('front-end packages up to date');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: here,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(run.status === null ? 1 : run.status);
