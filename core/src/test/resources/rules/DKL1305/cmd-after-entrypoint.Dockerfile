# With an ENTRYPOINT, CMD holds its arguments, not a program.
FROM scratch
COPY --chmod=755 <<EOF /entrypoint
#!/entrypoint
EOF
ENTRYPOINT ["/entrypoint"]
CMD ["serve", "--port=80"]
