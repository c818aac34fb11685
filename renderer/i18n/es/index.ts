// Every Spanish namespace, joined.
import type { SameKeys } from '../catalogue'
import type { en } from '../en'
import { common } from './common'
import { frame } from './frame'
import { errors } from './errors'
import { image } from './image'
import { files } from './files'
import { compare } from './compare'
import { registry } from './registry'
import { tags } from './tags'
import { history } from './history'
import { sharing } from './sharing'
import { stores } from './stores'
import { attestations } from './attestations'
import { lessons } from './lessons'
import { exports } from './exports'
import { commands } from './commands'

export const es: SameKeys<typeof en> = {
  common,
  frame,
  errors,
  image,
  files,
  compare,
  registry,
  tags,
  history,
  sharing,
  stores,
  attestations,
  lessons,
  exports,
  commands,
}
