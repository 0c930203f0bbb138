/**
 * Test support that works against real components only: a Docker Engine ({@link
 * dev.dockerlint.testkit.DockerEngine}), OCI registries ({@link dev.dockerlint.testkit.Registry}),
 * images built byte by byte ({@link dev.dockerlint.testkit.ImageTarball}) and real Debian binaries
 * ({@link dev.dockerlint.testkit.Fixtures}). The services come from {@code .ci/services.sh}, the
 * binaries from {@code .ci/fixtures.sh}.
 */
package dev.dockerlint.testkit;
