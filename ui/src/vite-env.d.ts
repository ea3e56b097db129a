// Files Vite hands over by address: `import src from "./file?url"`.
declare module "*?url" {
  const src: string;
  export default src;
}
