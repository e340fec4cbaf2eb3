export {
  signSolarisRequest,
  type SignSolarisRequestOptions,
} from './sign-solaris-request';
export { solarisExamples, type SolarisExample } from './solaris-examples';
