FROM --platform=$BUILDPLATFORM golang:1.22 AS build
# expect: DKL1201 "COPY --from=build on line 5 puts the result into the linux/amd64 image"
RUN go build -o /out/app .
FROM scratch
COPY --from=build /out/app /
