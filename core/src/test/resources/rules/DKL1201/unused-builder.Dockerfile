FROM --platform=$BUILDPLATFORM golang:1.22 AS build
RUN go build -o /out/app .

FROM alpine:3.20 AS other
COPY --from=build /out/app /app

FROM alpine:3.20
RUN echo final
