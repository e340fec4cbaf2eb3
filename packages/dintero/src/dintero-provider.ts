/** The provider name on every Dintero event and error. */
export const dinteroProvider = 'dintero';
