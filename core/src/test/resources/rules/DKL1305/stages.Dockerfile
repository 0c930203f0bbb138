FROM scratch AS build
COPY --chmod=755 <<EOF /out/app
#!/out/app
EOF

FROM scratch
COPY --from=build /out/app /usr/bin/app
ENTRYPOINT ["/usr/bin/app"]
# expect: DKL1305 "'/usr/bin/ap' does not exist" predicts="no such file or directory"
HEALTHCHECK CMD ["/usr/bin/ap"]

FROM scratch
COPY --from=build /out/ /srv/
CMD ["/srv/app"]
