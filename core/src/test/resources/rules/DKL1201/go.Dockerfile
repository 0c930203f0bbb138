FROM --platform=$BUILDPLATFORM golang:1.22 AS build
WORKDIR /src
COPY . .
# expect: DKL1201 "'go build' runs on the build platform ($BUILDPLATFORM) and nothing in stage 'build' names the target platform" predicts="exec format error" severity=warning fix="ARG TARGETOS TARGETARCH"
RUN CGO_ENABLED=0 go build -o /out/backend main.go

FROM scratch
COPY --from=build /out/backend /usr/local/bin/backend
ENTRYPOINT ["/usr/local/bin/backend"]
