import { dintero } from './dintero';
import { redpin } from './redpin';
import { solaris } from './solaris';
import { tradevest } from './tradevest';

/**
 * The providers this app can serve, in display order. A new provider is a
 * module in this folder and one line here (and its rows in the README).
 */
export const PROVIDERS = [dintero, solaris, redpin, tradevest] as const;
