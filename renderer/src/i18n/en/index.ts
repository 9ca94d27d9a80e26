import codes from './codes.json';
import common from './common.json';
import register from './register.json';
import request from './request.json';
import requestForm from './request-form.json';
import requestTabs from './request-tabs.json';

/**
 * English, one file per part of the app. Each file owns its top-level keys; a test checks
 * that no two files claim the same one.
 */
export const EN_PARTS = { common, codes, register, request, requestForm, requestTabs } as const;

export const en: Record<string, unknown> = Object.assign({}, ...Object.values(EN_PARTS));
