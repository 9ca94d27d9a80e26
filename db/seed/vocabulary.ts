/** Word lists for the synthetic register: countries, names in four scripts, authorities, providers. */

export type Script = 'latin' | 'arabic' | 'cyrillic' | 'chinese';

/** Counterpart states, how often they appear, and the script their people's names are written in. */
export const COUNTRIES: readonly (readonly [code: string, weight: number, script: Script])[] = [
  ['FR', 9, 'latin'],
  ['DE', 8, 'latin'],
  ['IT', 6, 'latin'],
  ['ES', 6, 'latin'],
  ['NL', 5, 'latin'],
  ['BE', 4, 'latin'],
  ['GB', 6, 'latin'],
  ['IE', 3, 'latin'],
  ['US', 9, 'latin'],
  ['CA', 3, 'latin'],
  ['BR', 3, 'latin'],
  ['CH', 3, 'latin'],
  ['PL', 3, 'latin'],
  ['RO', 3, 'latin'],
  ['TR', 4, 'latin'],
  ['NG', 2, 'latin'],
  ['LB', 5, 'arabic'],
  ['MA', 5, 'arabic'],
  ['EG', 4, 'arabic'],
  ['TN', 3, 'arabic'],
  ['DZ', 3, 'arabic'],
  ['JO', 2, 'arabic'],
  ['AE', 4, 'arabic'],
  ['SA', 2, 'arabic'],
  ['RU', 4, 'cyrillic'],
  ['UA', 5, 'cyrillic'],
  ['BG', 3, 'cyrillic'],
  ['RS', 3, 'cyrillic'],
  ['KZ', 2, 'cyrillic'],
  ['CN', 4, 'chinese'],
  ['HK', 2, 'chinese'],
  ['TW', 2, 'chinese'],
  ['SG', 2, 'chinese'],
];

export const GIVEN_NAMES: Record<Script, readonly string[]> = {
  latin: ['Marie', 'Jean', 'Lucas', 'Sofia', 'Hélène', 'Jürgen', 'Ana', 'João', 'Émilie', 'Piotr', 'Chiara', 'Seán'],
  arabic: ['محمد', 'فاطمة', 'أحمد', 'ليلى', 'يوسف', 'مريم', 'خالد', 'نور', 'عمر', 'سلمى'],
  cyrillic: ['Иван', 'Ольга', 'Дмитрий', 'Наталья', 'Сергей', 'Анна', 'Олександр', 'Марія', 'Драган', 'Елена'],
  chinese: ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '军'],
};

export const FAMILY_NAMES: Record<Script, readonly string[]> = {
  latin: ['Dubois', 'Müller', 'Rossi', 'García', 'Janssens', 'Smith', 'Kowalski', 'Popescu', 'Yılmaz', 'Okafor'],
  arabic: ['الحسن', 'بن علي', 'المصري', 'حداد', 'الخوري', 'العلوي', 'منصور', 'سعيد'],
  cyrillic: ['Иванов', 'Петрова', 'Шевченко', 'Коваленко', 'Петровић', 'Димитров', 'Смирнов', 'Ахметов'],
  chinese: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'],
};

/** Entities (companies, associations) that requests concern. */
export const ENTITIES = [
  'Northwind Trading SARL',
  'Atlas Logistics Ltd',
  'Blue Harbour Holdings SA',
  'شركة الأفق للتجارة',
  'ООО «Северный путь»',
  '深圳海风贸易有限公司',
  'Crypto Vault OÜ',
  'Fondation Horizon',
] as const;

export const SERVICE_PROVIDERS: readonly (readonly [name: string, country: string])[] = [
  ['Meta Platforms Ireland Ltd', 'IE'],
  ['Google LLC', 'US'],
  ['Microsoft Corporation', 'US'],
  ['Apple Inc.', 'US'],
  ['TikTok Technology Ltd', 'IE'],
  ['Telegram Messenger Inc.', 'AE'],
  ['X Corp.', 'US'],
  ['Amazon Web Services EMEA SARL', 'LU'],
  ['Yandex LLC', 'RU'],
  ['Tencent Holdings Ltd', 'CN'],
  ['Binance Holdings Ltd', 'AE'],
  ['OVHcloud SAS', 'FR'],
];

export const OFFICERS = [
  'Amina Haddad',
  'Pierre Lambert',
  'Sara Novak',
  'Karim Benali',
  'Elena Petrova',
  'Tomás Ruiz',
  'Li Wei',
  'Hannah Schmidt',
  'Youssef Amrani',
  'Claire Martin',
] as const;

export const CITIES = ['Beirut', 'Tripoli', 'Sidon', 'Tyre', 'Zahle', 'Byblos', 'Baabda', 'Nabatieh'] as const;

/** What a national law calls offences of each ICCS level-1 section. */
export const OFFENCE_NAMES: Record<string, readonly string[]> = {
  '01': ['Murder', 'Attempted murder'],
  '02': ['Aggravated assault', 'Kidnapping', 'Threats'],
  '03': ['Sexual exploitation of children', 'Rape'],
  '04': ['Armed robbery', 'Extortion'],
  '05': ['Theft', 'Computer data interference', 'Receiving stolen goods'],
  '06': ['Drug trafficking', 'Possession of drugs for sale'],
  '07': ['Fraud', 'Money laundering', 'Bribery of a public official', 'Online investment fraud', 'Embezzlement'],
  '08': ['Forgery of official documents', 'Migrant smuggling'],
  '09': ['Terrorist financing', 'Illegal arms trafficking'],
  '10': ['Illegal waste trafficking', 'Wildlife trafficking'],
  '11': ['Participation in an organised criminal group'],
};
