FROM debian:12 AS build
RUN make
# expect: DKL3057 "`HEALTHCHECK` instruction missing."
FROM nginx:1.27
COPY --from=build /site /usr/share/nginx/html
