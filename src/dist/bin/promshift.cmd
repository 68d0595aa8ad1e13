@echo off
rem promshift's start script for Windows: runs the CLI in ONE JVM set up for a short batch (C1 only, the serial
rem collector, class data sharing; see bin/promshift). More JVM options go in PROMSHIFT_OPTS; JAVA_HOME chooses
rem the Java (17 or later), else java on PATH.
setlocal
set "PROMSHIFT_HOME=%~dp0.."
set "PROMSHIFT_JAVA=java"
rem no parenthesised block: a JAVA_HOME such as C:\Program Files (x86)\... would end it early
if defined JAVA_HOME set "PROMSHIFT_JAVA=%JAVA_HOME%\bin\java.exe"
"%PROMSHIFT_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xshare:auto %PROMSHIFT_OPTS% -jar "%PROMSHIFT_HOME%\lib\promshift-cli.jar" %*
rem the JVM's exit code is the script's (endlocal on the same line keeps ERRORLEVEL's value)
endlocal & exit /b %ERRORLEVEL%
