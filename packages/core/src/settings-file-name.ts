/** The settings file's name in the user-data folder, without `.json`; in a module of its own so that reading it loads nothing else. */
export const SETTINGS_FILE_NAME = 'settings';
