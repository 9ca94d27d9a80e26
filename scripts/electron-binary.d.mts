export const root: string;
export const electronVersion: string;
export function electronBinary(): string | null;
export const nativeBindingPath: string;
