// Files Vite hands over by address: `import src from "./file?url"`.
declare module "*?url" {
  const src: string;
  export default src;
}

// Files read as text, e.g. by the test that compares the window's capabilities with the api.
declare module "*?raw" {
  const text: string;
  export default text;
}
