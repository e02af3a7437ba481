/// <reference types="vite/client" />

/** package.json's version, defined at build time in vite.config.ts. */
declare const __APP_VERSION__: string;
