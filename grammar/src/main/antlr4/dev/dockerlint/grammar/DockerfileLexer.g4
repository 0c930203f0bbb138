/*
 * The Dockerfile language as BuildKit's Dockerfile frontend accepts it.
 *
 * BuildKit reads a Dockerfile line by line: parser directives at the very top, comment and blank
 * lines between instructions, instructions that continue over several physical lines when a line
 * ends with the escape character, and heredoc bodies after an instruction that opened them. This
 * lexer follows that model with modes:
 *
 *   DEFAULT_MODE  the start of a line between instructions (directives, comments, blank lines,
 *                 the instruction keyword)
 *   FLAGS         after the keyword: blanks and `--name=value` flags, until the arguments start
 *   RAW           argument text (shell form, key=value pairs, image names, paths ...)
 *   JSON          exec-form arguments: a JSON array of strings
 *   HEREDOC       heredoc bodies, read raw until their terminator line
 *
 * Line continuations, comment lines and blank lines inside a continuation go to hidden channels,
 * so the parser sees one logical instruction while every token keeps its exact source position.
 * The escape character (`\` or, after `# escape=`), `` ` ``) is state kept by DockerfileLexerBase,
 * which also decides, at the end of each instruction, which heredocs it opened.
 */
lexer grammar DockerfileLexer;

options { superClass = DockerfileLexerBase; }

channels { COMMENTS, CONTINUATIONS }

tokens { HEALTH_TYPE, CONTINUATION, CONTINUATION_COMMENT, EMPTY_CONTINUATION_LINE, HEREDOC_END }

// ---------------------------------------------------------------------------------------------
// DEFAULT_MODE: the start of a physical line that is not part of an instruction
// ---------------------------------------------------------------------------------------------

BOM : '\uFEFF' {atFileStart()}? -> channel(HIDDEN) ;

/** `# syntax=...`, `# escape=...`, `# check=...`: only before anything else in the file. */
DIRECTIVE
  : {directivesOpen()}? BLANK* '#' BLANK* [a-zA-Z] [a-zA-Z0-9]* BLANK* '=' ~[\n]* {isDirectiveLine()}?
    { onDirective(); }
  ;

COMMENT : BLANK* '#' ~[\n]* -> channel(COMMENTS) ;

NEWLINE : '\r'* '\n' ;

LEADING_BLANK : BLANK+ -> channel(HIDDEN) ;

/** An escape character alone on a line before an instruction: it continues into the next line. */
LEADING_CONTINUATION : {atEscape()}? . [ \t]* '\r'* ('\n' | {atEof()}?) -> channel(CONTINUATIONS) ;

FROM        : F R O M {keywordEnds()}?                    { startInstruction(FROM); } ;
RUN         : R U N {keywordEnds()}?                      { startInstruction(RUN); } ;
CMD         : C M D {keywordEnds()}?                      { startInstruction(CMD); } ;
LABEL       : L A B E L {keywordEnds()}?                  { startInstruction(LABEL); } ;
MAINTAINER  : M A I N T A I N E R {keywordEnds()}?        { startInstruction(MAINTAINER); } ;
EXPOSE      : E X P O S E {keywordEnds()}?                { startInstruction(EXPOSE); } ;
ENV         : E N V {keywordEnds()}?                      { startInstruction(ENV); } ;
ADD         : A D D {keywordEnds()}?                      { startInstruction(ADD); } ;
COPY        : C O P Y {keywordEnds()}?                    { startInstruction(COPY); } ;
ENTRYPOINT  : E N T R Y P O I N T {keywordEnds()}?        { startInstruction(ENTRYPOINT); } ;
VOLUME      : V O L U M E {keywordEnds()}?                { startInstruction(VOLUME); } ;
USER        : U S E R {keywordEnds()}?                    { startInstruction(USER); } ;
WORKDIR     : W O R K D I R {keywordEnds()}?              { startInstruction(WORKDIR); } ;
ARG         : A R G {keywordEnds()}?                      { startInstruction(ARG); } ;
ONBUILD     : O N B U I L D {keywordEnds()}?              { startInstruction(ONBUILD); } ;
STOPSIGNAL  : S T O P S I G N A L {keywordEnds()}?        { startInstruction(STOPSIGNAL); } ;
HEALTHCHECK : H E A L T H C H E C K {keywordEnds()}?      { startInstruction(HEALTHCHECK); } ;
SHELL       : S H E L L {keywordEnds()}?                  { startInstruction(SHELL); } ;

/** Any other first word: BuildKit parses the line and rejects the instruction later. */
UNKNOWN_INSTRUCTION : ~[ \t\u000B\f\r\n]+ { startInstruction(UNKNOWN_INSTRUCTION); } ;

// ---------------------------------------------------------------------------------------------
// FLAGS: after the keyword; `--flag` words until the first word that is not one
// ---------------------------------------------------------------------------------------------
mode FLAGS;

F_EMPTY_CONTINUATION_LINE : {atLineStart()}? BLANK* '\n' -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
F_EMPTY_CONTINUATION_EOF  : {atLineStart()}? BLANK+ {atEof()}? -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
F_CONTINUATION_COMMENT    : {atLineStart()}? BLANK* '#' ~[\n]* '\n'? -> channel(COMMENTS), type(CONTINUATION_COMMENT) ;
F_NEWLINE                 : '\r'* '\n' { endInstruction(); } -> type(NEWLINE) ;
F_CONTINUATION            : {atContinuation()}? . [ \t]* '\r'* ('\n' | {atEof()}?) -> channel(CONTINUATIONS), type(CONTINUATION) ;
WS                        : [ \t\u000B\f\r]+ ;

/** A flag word: `--name`, `--name=value`; quotes group blanks, the escape character protects the next one. */
FLAG : {flagAllowed()}? '--' FLAG_PART* { onFlag(); } ;

/** The rest of a flag word after a line continuation cut it. */
FLAG_TEXT : {inFlagWord()}? FLAG_PART+ ;

/** ONBUILD's instruction, after ONBUILD's own flags. */
NESTED_INSTRUCTION : {nestedInstructionAllowed()}? ~[ \t\u000B\f\r\n]+ { onNestedInstruction(); } ;

/** HEALTHCHECK's first word: CMD, NONE, ... */
F_HEALTH_TYPE : {healthTypeAllowed()}? ~[ \t\u000B\f\r\n]+ { onHealthType(); } -> type(HEALTH_TYPE) ;

/** `[` where exec form is possible: try JSON. */
LBRACK : {jsonAllowed()}? '[' -> mode(JSON) ;

/** Anything else starts the arguments, which are read as raw text. */
ARGS_START         : ~[ \t\u000B\f\r\n\\`[] ~[ \t\u000B\f\r\n\\`]* -> type(RAW_TEXT), mode(RAW) ;
ARGS_START_BRACKET : {!jsonAllowed()}? '[' ~[ \t\u000B\f\r\n\\`]* -> type(RAW_TEXT), mode(RAW) ;
ARGS_START_ESCAPED : ({atEscape()}? . ~[\n] | [\\`]) -> type(RAW_TEXT), mode(RAW) ;

// ---------------------------------------------------------------------------------------------
// RAW: argument text up to the end of the logical line
// ---------------------------------------------------------------------------------------------
mode RAW;

R_EMPTY_CONTINUATION_LINE : {atLineStart()}? BLANK* '\n' -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
R_EMPTY_CONTINUATION_EOF  : {atLineStart()}? BLANK+ {atEof()}? -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
R_CONTINUATION_COMMENT    : {atLineStart()}? BLANK* '#' ~[\n]* '\n'? -> channel(COMMENTS), type(CONTINUATION_COMMENT) ;
R_NEWLINE                 : '\r'* '\n' { endInstruction(); } -> type(NEWLINE) ;
R_CONTINUATION            : {atContinuation()}? . [ \t]* '\r'* ('\n' | {atEof()}?) -> channel(CONTINUATIONS), type(CONTINUATION) ;
RAW_TEXT                  : ~[\n\r\\`]+ ;
R_CR                      : '\r'+ -> type(RAW_TEXT) ;
R_ESCAPED                 : {atEscape()}? . ~[\n] -> type(RAW_TEXT) ;
R_OTHER                   : [\\`] -> type(RAW_TEXT) ;

// ---------------------------------------------------------------------------------------------
// JSON: exec form; if the text is not a JSON array of strings the parser reads it as shell form
// ---------------------------------------------------------------------------------------------
mode JSON;

J_EMPTY_CONTINUATION_LINE : {atLineStart()}? BLANK* '\n' -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
J_EMPTY_CONTINUATION_EOF  : {atLineStart()}? BLANK+ {atEof()}? -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
J_CONTINUATION_COMMENT    : {atLineStart()}? BLANK* '#' ~[\n]* '\n'? -> channel(COMMENTS), type(CONTINUATION_COMMENT) ;
J_NEWLINE                 : '\r'* '\n' { endInstruction(); } -> type(NEWLINE) ;
J_CONTINUATION            : {atContinuation()}? . [ \t]* '\r'* ('\n' | {atEof()}?) -> channel(CONTINUATIONS), type(CONTINUATION) ;
J_WS                      : [ \t\u000B\f\r]+ -> type(WS) ;
J_LBRACK                  : '[' -> type(LBRACK) ;
RBRACK                    : ']' ;
COMMA                     : ',' ;
JSON_STRING               : '"' ( '\\' ~[\n] | ~["\\\n] )* '"' ;
JSON_OTHER                : ~[ \t\u000B\f\r\n",[\]\\`]+ ;
J_ESCAPED                 : {atEscape()}? . ~[\n] -> type(JSON_OTHER) ;
J_CHAR                    : . -> type(JSON_OTHER) ;

// ---------------------------------------------------------------------------------------------
// HEREDOC: bodies of the heredocs the last instruction opened, one line per token
// ---------------------------------------------------------------------------------------------
mode HEREDOC;

HEREDOC_LINE : (~[\n]+ ('\n' | {atEof()}?) | '\n') { onHeredocLine(); } ;

// ---------------------------------------------------------------------------------------------
// Fragments (usable in every mode)
// ---------------------------------------------------------------------------------------------

fragment BLANK : [ \t\u000B\f\r\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;
fragment FLAG_PART
  : '"' ( {atEscape()}? . ~[\n] | ~["\n] )* ('"' | {atLineEnd()}?)
  | '\'' ( {atEscape()}? . ~[\n] | ~['\n] )* ('\'' | {atLineEnd()}?)
  | {atEscape()}? . ~[\n]
  | {!atContinuation()}? [\\`]
  | ~[ \t\u000B\f\r\n"'\\`]
  ;
fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ; fragment E : [eE] ;
fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ; fragment I : [iI] ; fragment K : [kK] ;
fragment L : [lL] ; fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ; fragment U : [uU] ; fragment V : [vV] ;
fragment W : [wW] ; fragment X : [xX] ; fragment Y : [yY] ;
