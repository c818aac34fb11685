export declare const noJsonParseCast: { readonly selector: string; readonly message: string }
