// i18next set-up: Chinese (zh-CN) first, English second; the choice is remembered per PC.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import analyticsEn from './modules/analytics.en.json';
import analyticsZh from './modules/analytics.zh-CN.json';
import maintenanceViewsEn from './modules/maintenanceViews.en.json';
import maintenanceViewsZh from './modules/maintenanceViews.zh-CN.json';
import metersEn from './modules/meters.en.json';
import metersZh from './modules/meters.zh-CN.json';
import meterRoundEn from './modules/meterRound.en.json';
import meterRoundZh from './modules/meterRound.zh-CN.json';
import meterDetailEn from './modules/meterDetail.en.json';
import meterDetailZh from './modules/meterDetail.zh-CN.json';
import meterReviewsEn from './modules/meterReviews.en.json';
import meterReviewsZh from './modules/meterReviews.zh-CN.json';
import meterImportEn from './modules/meterImport.en.json';
import meterImportZh from './modules/meterImport.zh-CN.json';
import peopleEn from './modules/people.en.json';
import peopleZh from './modules/people.zh-CN.json';
import plansEn from './modules/plans.en.json';
import plansZh from './modules/plans.zh-CN.json';
import workOrdersEn from './modules/workOrders.en.json';
import workOrdersZh from './modules/workOrders.zh-CN.json';
import workOrderPrintEn from './modules/workOrderPrint.en.json';
import workOrderPrintZh from './modules/workOrderPrint.zh-CN.json';
import yearlyReportEn from './modules/yearlyReport.en.json';
import yearlyReportZh from './modules/yearlyReport.zh-CN.json';
import zhCN from './zh-CN.json';

// Each module keeps its strings in a file of its own under modules/, with its own top-level keys;
// they are merged into one translation per language here.
const zhResources = {
  ...zhCN,
  ...workOrdersZh,
  ...workOrderPrintZh,
  ...maintenanceViewsZh,
  ...plansZh,
  ...metersZh,
  ...meterRoundZh,
  ...meterDetailZh,
  ...meterReviewsZh,
  ...meterImportZh,
  ...analyticsZh,
  ...peopleZh,
  ...yearlyReportZh,
};
const enResources = {
  ...en,
  ...workOrdersEn,
  ...workOrderPrintEn,
  ...maintenanceViewsEn,
  ...plansEn,
  ...metersEn,
  ...meterRoundEn,
  ...meterDetailEn,
  ...meterReviewsEn,
  ...meterImportEn,
  ...analyticsEn,
  ...peopleEn,
  ...yearlyReportEn,
};

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'utility-desk.language';

export function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhResources }, en: { translation: enResources } },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export default i18n;
