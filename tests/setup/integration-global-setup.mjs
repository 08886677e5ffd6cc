// Placeholder replaced by the foundation commit: starts the database and the emulator.
export default async function globalSetup() {}
