FROM scratch
COPY app /app
ENTRYPOINT ["/app"]
CMD ["serve", "--port", "8080"]
