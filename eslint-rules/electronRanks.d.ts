import type { ImportRanksOptions } from './importRanks.js'

export declare const electronRanks: ImportRanksOptions
