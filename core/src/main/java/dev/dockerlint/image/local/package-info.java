/**
 * Images on disk rather than in an engine or registry: an OCI image layout directory ({@code
 * oci:DIR}, as {@code docker buildx build --output type=oci,tar=false} writes it) and a {@code
 * docker save} archive ({@code docker-archive:FILE.tar}, either format: {@code manifest.json} with
 * layer paths, or the OCI layout Docker 25 and later also write into it).
 */
package dev.dockerlint.image.local;
