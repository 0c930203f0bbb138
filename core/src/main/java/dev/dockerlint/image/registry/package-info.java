/**
 * Image facts from OCI distribution registries, with dockerlint's own small client.
 *
 * <p>Why our own client (evaluated for issue 4; both libraries resolve from Maven Central):
 *
 * <ul>
 *   <li>{@code land.oras:oras-java-sdk} 0.2.15: a pre-1.0 API aimed at ORAS artifacts. It brings
 *       Gson, Bouncy Castle and zstd-jni (whose native library is unpacked to a temporary
 *       directory, outside our cache). Its {@code AuthStore} reads {@code auths} from config.json
 *       but has no {@code credHelpers}/{@code credsStore} support; it has no platform selection,
 *       and its streaming blob reads leave timeouts, redirects and digest checks to the caller.
 *   <li>{@code com.google.cloud.tools:jib-core} 0.27.3: a mature registry client with credential
 *       helpers and the Docker Hub token flow, but the client ({@code
 *       com.google.cloud.tools.jib.registry.RegistryClient}) is internal; the public API builds
 *       images. It brings Guava, google-http-client with Apache HttpClient 4, google-auth-library,
 *       ASM and zstd-jni, more than ten megabytes for three GET requests.
 *   <li>Own client (chosen): the JDK's HTTP client, Jackson and commons-compress, which dockerlint
 *       already has. It does exactly what linting needs: manifests and indexes with containerd's
 *       platform choice, config blobs, layers streamed into the file index with the digest checked
 *       on the way, connect/read timeouts and a deadline per lookup, redirects followed by hand (no
 *       credentials to another origin, no downgrade to HTTP), Docker's credential lookup, and
 *       hostile-input tests against a misbehaving loopback server. zstd layers are read with
 *       aircompressor (pure Java).
 * </ul>
 */
package dev.dockerlint.image.registry;
