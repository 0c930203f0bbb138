FROM alpine
# expect: DKL0001 "ENV must have two arguments"
ENV DEBUG
# expect: DKL0001 "arrays must be comprised of strings only"
CMD ["run", 1]
# expect: DKL0001 "unknown instruction: RUNN"
RUNN echo hi
RUN echo the rest is still checked
