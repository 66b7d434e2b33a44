// Levels of the organisation, top to bottom. The order is configurable (okr.config.json); these
// are the defaults of the language.
export const defaultLevels: readonly string[] = ['company', 'department', 'team', 'individual'];
