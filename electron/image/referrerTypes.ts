// The referrers result types live in shared/ (the api carries them); re-exported for the
// referrers modules that name them from here.

export type { Referrer, ReferrersResult } from '../../shared/api/image'
