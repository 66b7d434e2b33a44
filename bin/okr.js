#!/usr/bin/env node
// okr: OKR checks, trees and exports from the command line (see `okr help`).
require('../dist/cli/okr.js');
