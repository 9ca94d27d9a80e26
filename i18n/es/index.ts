import { languageParts } from '../parts.ts';
import * as files from './files.ts';

export const { PARTS, translation } = languageParts(files);
