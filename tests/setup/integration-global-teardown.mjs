export default async function globalTeardown() {
  const services = globalThis.__INTEGRATION_SERVICES__ ?? {};
  await Promise.all(
    Object.values(services).map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", resolve);
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 5000).unref();
        }),
    ),
  );
}
