FROM alpine
# expect: DKL0001 "ENV must have two arguments"
ENV DEBUG
# expect: DKL0001 "arrays must be comprised of strings only"
CMD ["run", 1]
# expect: DKL0001 "unknown instruction: RUNN"
RUNN echo hi
# expect: DKL0001 "ENV names can not be blank"
ENV A=1 =2
# expect: DKL0001 "LABEL names can not be blank"
LABEL =x
RUN echo the rest is still checked
