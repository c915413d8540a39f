/** `https://api.example` → `https://api.example/v1/`: the base of every API URL (client and loader). */
export function apiBase(api: string): string {
  return new URL('v1/', api.endsWith('/') ? api : `${api}/`).href;
}
