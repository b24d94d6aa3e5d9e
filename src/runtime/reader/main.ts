// placeholder until the reader runtime lands
export {};
