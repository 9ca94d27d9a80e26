import codes from './codes.json';
import common from './common.json';
import register from './register.json';
import request from './request.json';

/**
 * English, one file per part of the app. Each file owns its top-level keys; a test checks
 * that no two files claim the same one.
 */
export const EN_PARTS = { common, codes, register, request } as const;

export const en = Object.assign({}, ...Object.values(EN_PARTS)) as typeof common &
  typeof codes &
  typeof register &
  typeof request;
