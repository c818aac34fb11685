// `JSON.parse(...) as T` trusts untrusted JSON; DESIGN.md wants it parsed as unknown and
// validated. `as unknown` stays allowed. Used by eslint.config.js (no-restricted-syntax).
export const noJsonParseCast = {
  selector:
    "TSAsExpression[expression.type='CallExpression'][expression.callee.object.name='JSON'][expression.callee.property.name='parse'][typeAnnotation.type!='TSUnknownKeyword']",
  message:
    'Do not cast JSON.parse(...): parse as unknown and validate (shared/oci/validate.ts or a type guard).',
}
