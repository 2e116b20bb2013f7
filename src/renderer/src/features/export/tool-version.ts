import { version } from '../../../../../package.json';

/** The app's version, as written in the workbook's 说明 sheet. */
export const TOOL_VERSION: string = version;
