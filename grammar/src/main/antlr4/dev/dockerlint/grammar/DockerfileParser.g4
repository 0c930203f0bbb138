/*
 * The structure of a Dockerfile: parser directives, then instructions, each one logical line
 * (continuations are hidden by the lexer) followed by the bodies of the heredocs it opened.
 *
 * Every instruction is `KEYWORD flags arguments`. The arguments are one of:
 *   exec     a JSON array of strings (RUN, CMD, ENTRYPOINT, SHELL, ADD, COPY, VOLUME, HEALTHCHECK CMD)
 *   jsonText text that starts with `[` but is not such an array: BuildKit's shell form fallback
 *   text     everything else, kept raw; the syntax tree builder splits it with BuildKit's word
 *            rules (blank-separated words, key=value pairs, the whole shell command)
 * When both `exec` and `jsonText` match a line, the first alternative (exec form) wins.
 */
parser grammar DockerfileParser;

options { tokenVocab = DockerfileLexer; }

dockerfile : directive* (NEWLINE | instruction)* EOF ;

directive : DIRECTIVE NEWLINE? ;

instruction : body NEWLINE heredoc* ;

body
  : FROM flags text?                                    # fromInstruction
  | RUN flags arguments?                                # runInstruction
  | CMD flags arguments?                                # cmdInstruction
  | ENTRYPOINT flags arguments?                         # entrypointInstruction
  | SHELL flags arguments?                              # shellInstruction
  | ADD flags arguments?                                # addInstruction
  | COPY flags arguments?                               # copyInstruction
  | VOLUME flags arguments?                             # volumeInstruction
  | LABEL flags text?                                   # labelInstruction
  | ENV flags text?                                     # envInstruction
  | ARG flags text?                                     # argInstruction
  | EXPOSE flags text?                                  # exposeInstruction
  | USER flags text?                                    # userInstruction
  | WORKDIR flags text?                                 # workdirInstruction
  | MAINTAINER flags text?                              # maintainerInstruction
  | STOPSIGNAL flags text?                              # stopsignalInstruction
  | HEALTHCHECK flags (HEALTH_TYPE WS* arguments?)?     # healthcheckInstruction
  | ONBUILD flags body?                                 # onbuildInstruction
  | UNKNOWN_INSTRUCTION flags text?                     # unknownInstruction
  ;

flags : (WS+ flag)* WS* ;

flag : FLAG FLAG_TEXT* ;

arguments : exec | jsonText | text ;

exec : LBRACK WS* (JSON_STRING WS* (COMMA WS* JSON_STRING WS*)*)? RBRACK WS* ;

jsonText : (LBRACK | RBRACK | COMMA | JSON_STRING | JSON_OTHER | WS)+ ;

text : RAW_TEXT+ ;

heredoc : HEREDOC_LINE* HEREDOC_END ;
