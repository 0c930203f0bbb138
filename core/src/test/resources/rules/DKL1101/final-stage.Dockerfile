FROM golang:1.22 AS build
RUN go build -o /app .

# expect: DKL1101 "This is the final stage: an image built for linux/amd64 holds linux/arm/v7 programs, which fail with 'exec format error'" predicts="exec format error" severity=warning
FROM --platform=linux/arm/v7 ubuntu:22.04 AS final-image
COPY --from=build /app /app
