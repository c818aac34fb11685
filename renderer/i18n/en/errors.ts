// English strings of the "errors" namespace: every ErrorCode worded from its code and its
// parameters (host, cause, status, seconds). Keys are grouped by code; see components/errorText.ts.
import type { Strings } from '../catalogue'

export const errors = {
  theRegistry: 'the registry',
  BAD_INPUT: {
    title: 'Strata cannot read that input',
    next: 'Check the spelling: for example alpine:3.20, ghcr.io/owner/repo@sha256:…, oci:/path:tag.',
  },
  AUTH_REQUIRED: {
    pageTitle: 'This page is not signed in to Strata',
    pageNext:
      'Open Strata again from the address it printed when it started (the one with ?token=…).',
    title: '{{host}} wants credentials',
    next: 'Sign in below with a username and password or a token; Strata then tries again.',
  },
  FORBIDDEN: {
    title: '{{host}} says this is not allowed with these credentials',
    next: 'Use an account that may read this repository, or ask its owner for access.',
  },
  NOT_FOUND: {
    pathTitle: 'Nothing at this path',
    pathNext:
      'Check the path: Strata reads it on the machine it runs on. An OCI layout is the directory that holds oci-layout and index.json; an archive is the .tar file itself.',
    title: 'No such repository, tag or digest',
    next: 'Check the name and the tag; tags can be deleted or moved by whoever pushes them.',
  },
  RATE_LIMITED: {
    title: '{{host}} is rate limiting requests',
    nextWait_one: 'Wait {{count}} second, then retry.',
    nextWait_other: 'Wait {{count}} seconds, then retry.',
    next: 'Wait a little, then retry. Signing in usually raises the limit.',
  },
  NETWORK: {
    title: 'Cannot reach {{host}}',
    titleWithCause: 'Cannot reach {{host}} ({{cause}})',
    next: 'Check the address and that the host is up, then retry.',
  },
  TIMEOUT: {
    title: '{{host}} did not answer in time',
    next: 'The host may be slow or overloaded; retry in a moment.',
  },
  SERVER_ERROR: {
    title: '{{host}} failed to answer',
    titleWithStatus: '{{host}} failed to answer (HTTP {{status}})',
    next: 'This is a problem on the registry side; retry later.',
  },
  DIGEST_MISMATCH: {
    title: 'Refused: the content does not match its digest',
    next: 'The registry sent bytes other than the ones the digest names. Strata shows nothing it cannot verify.',
  },
  SIZE_MISMATCH: {
    title: 'Refused: the content does not have the size its descriptor says',
    next: 'The registry sent a different number of bytes than promised; the content was not used.',
  },
  TOO_LARGE: {
    title: 'Refused: the document is larger than Strata accepts',
    next: 'Manifests and configs are small by design; this one is over the limit and was not read.',
  },
  MALFORMED: {
    title: 'Refused: the document is not valid',
    next: 'The JSON or its schema is broken; the reason is below.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    title: 'Strata does not know how to read this media type',
    next: 'The object exists but its format is not one Strata interprets.',
  },
  INSECURE_REFUSED: {
    title: '{{host}} only answers over plain http',
    next: 'If you trust this registry, mark it as insecure (allow plain http) and retry.',
  },
  CANCELLED: {
    title: 'The operation was cancelled',
    next: 'Retry when you want the result.',
  },
  UNAVAILABLE: {
    title: 'This feature cannot run here',
    next: 'The reason is below.',
  },
  INTERNAL: {
    title: 'Strata hit a bug',
    next: 'Retry; if it happens again, the details below say what failed.',
  },
  panel: {
    allowInsecure: 'Allow plain http for {{host}} and retry',
    expected: 'expected',
    actual: 'actual',
    technical: 'Technical details',
    serverMessage: 'Message from Strata (in English)',
    code: 'code: {{code}}',
    status: 'HTTP status: {{status}}',
    subject: 'subject: {{subject}}',
    cause: 'cause: {{cause}}',
    registryError: 'registry: {{code}}: {{message}}',
  },
  reference: {
    emptySource: 'The reference is empty.',
    emptyImage: 'The image reference is empty.',
    registryNeedsScheme: 'A registry reference is written "docker://{{written}}".',
    unknownTransport: 'Strata does not know the transport "{{prefix}}:". Use one of {{known}}.',
    noPath: '"{{text}}" has no path after the transport.',
    noImage: '"{{text}}" names no image.',
    noContainer: '"{{text}}" names no container.',
    imageHasSpaces: 'The image name "{{image}}" has spaces; names have none.',
    storeSpecUnclosed: 'The store in brackets "[…" has no closing "]".',
    emptyDriver: 'The storage driver before "@" is empty.',
    storeRootNotAbsolute_graph:
      'The store\'s graph root must be an absolute path (starting with /), not "{{path}}".',
    storeRootNotAbsolute_run:
      'The store\'s run root must be an absolute path (starting with /), not "{{path}}".',
    namespaceUnclosed: 'The namespace in brackets "[…" has no closing "]".',
    badNamespace:
      '"{{namespace}}" is not a containerd namespace: letters and digits, joined by ".", "_" or "-".',
    containerForm:
      'A container is written "container:docker-daemon:NAME" or "container:containers-storage:NAME".',
    badContainerName:
      '"{{container}}" is not a container name or ID: letters, digits, "_", "." and "-", starting with a letter or digit.',
    referenceHasSpaces: 'The image reference "{{text}}" has spaces; references have none.',
    noDigestAfterAt: '"{{text}}" has "@" but no digest after it.',
    badDigest: 'The digest in "{{text}}" is not valid: it is written algorithm:hex, like sha256:…',
    noRepository: '"{{text}}" has no repository name.',
    badTag:
      'The tag "{{tag}}" may hold only letters, digits, "_", "." and "-" (at most 128), and may not start with "." or "-".',
    looksLikeImageId:
      '"{{path}}" looks like an image ID, not a repository name: 64 hexadecimal characters are not a name.',
    notLowercase: 'Repository names are lowercase: "{{path}}" is not.',
    emptyPathComponent: 'The repository "{{path}}" has an empty part between slashes.',
    badPathComponent:
      'The part "{{component}}" of the repository name is not valid: lowercase letters and digits, separated by ".", "_", "__" or "-".',
    nameTooLong:
      'The repository name "{{name}}" has {{length}} characters; at most {{max}} are allowed.',
    badRegistry:
      'The registry "{{host}}" is not a valid host[:port]: letters, digits, "-" and ".", an IPv4 address or an IPv6 address in brackets.',
    repositoryOnly_tag:
      'A repository is wanted here, without a tag, but "{{text}}" has the tag "{{tag}}".',
    repositoryOnly_digest:
      'A repository is wanted here, without a digest, but "{{text}}" has the digest "{{digest}}".',
  },
  retry: {
    retry: 'Retry',
    retryIn: 'Retry in {{seconds}} s',
  },
  boundary: {
    viewFailed: 'This view failed: {{reason}}',
  },
} satisfies Strings
