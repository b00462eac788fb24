export { settingDefaults, type SettingKey } from './defaults';
export { settingInfo, settingKeys, updateSettingsBody } from './schemas';
export type { SettingInfo, SettingInput, Settings, UpdateSettingsBody } from './schemas';
export { getSetting, getSettings, listSettings, paymentsEnabled, updateSettings } from './store';
export type { SettingDto } from './store';
