# the compiled tool is only used on the build platform (a lint stage)
FROM --platform=$BUILDPLATFORM golang:1.22 AS golangci-build
RUN go build -o /out/golangci-lint ./cmd/golangci-lint

FROM scratch AS golangci-binary
COPY --from=golangci-build /out/golangci-lint /golangci-lint

FROM --platform=$BUILDPLATFORM golang:1.22 AS lint
COPY --from=golangci-binary /golangci-lint /usr/bin/golangci-lint
RUN golangci-lint run
