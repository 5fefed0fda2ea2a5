<?xml version="1.0" encoding="utf-8"?>
<!--
  Turns the compact help source (TranscribePS.help.xml) into the MAML file Get-Help reads
  (en-US/TranscribePS.dll-Help.xml). Run by the AssembleModule MSBuild target with the built-in XslTransformation
  task, so no PowerShell or platyPS is needed. A command with aws="true" gets the shared <awsParameters>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://msh"
    xmlns:maml="http://schemas.microsoft.com/maml/2004/10"
    xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10"
    xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10"
    exclude-result-prefixes="">
  <xsl:output method="xml" indent="yes" encoding="utf-8" />

  <xsl:template match="/help">
    <helpItems schema="maml">
      <xsl:apply-templates select="command" />
    </helpItems>
  </xsl:template>

  <xsl:template match="command">
    <xsl:variable name="params" select="parameter | ../awsParameters[current()/@aws = 'true']/parameter" />
    <command:command>
      <command:details>
        <command:name><xsl:value-of select="@name" /></command:name>
        <command:verb><xsl:value-of select="substring-before(@name, '-')" /></command:verb>
        <command:noun><xsl:value-of select="substring-after(@name, '-')" /></command:noun>
        <maml:description><maml:para><xsl:value-of select="normalize-space(synopsis)" /></maml:para></maml:description>
      </command:details>
      <maml:description><xsl:apply-templates select="description/para" /></maml:description>
      <command:syntax>
        <xsl:variable name="command" select="." />
        <xsl:for-each select="set">
          <xsl:variable name="set" select="@name" />
          <command:syntaxItem>
            <maml:name><xsl:value-of select="$command/@name" /></maml:name>
            <xsl:for-each select="$params[not(@sets) or contains(concat(',', @sets, ','), concat(',', $set, ','))]">
              <xsl:call-template name="parameter">
                <xsl:with-param name="set" select="$set" />
                <xsl:with-param name="inSyntax" select="true()" />
              </xsl:call-template>
            </xsl:for-each>
          </command:syntaxItem>
        </xsl:for-each>
      </command:syntax>
      <command:parameters>
        <xsl:for-each select="$params">
          <xsl:call-template name="parameter">
            <xsl:with-param name="set" select="''" />
            <xsl:with-param name="inSyntax" select="false()" />
          </xsl:call-template>
        </xsl:for-each>
      </command:parameters>
      <command:inputTypes>
        <xsl:for-each select="input">
          <command:inputType>
            <dev:type><maml:name><xsl:value-of select="@type" /></maml:name></dev:type>
            <maml:description><maml:para><xsl:value-of select="normalize-space(.)" /></maml:para></maml:description>
          </command:inputType>
        </xsl:for-each>
      </command:inputTypes>
      <command:returnValues>
        <xsl:for-each select="output">
          <command:returnValue>
            <dev:type><maml:name><xsl:value-of select="@type" /></maml:name></dev:type>
            <maml:description><maml:para><xsl:value-of select="normalize-space(.)" /></maml:para></maml:description>
          </command:returnValue>
        </xsl:for-each>
      </command:returnValues>
      <maml:alertSet>
        <maml:alert><xsl:apply-templates select="notes/para" /></maml:alert>
      </maml:alertSet>
      <command:examples>
        <xsl:for-each select="example">
          <command:example>
            <maml:title>-------------------------- Example <xsl:value-of select="position()" />: <xsl:value-of select="@title" /> --------------------------</maml:title>
            <dev:code><xsl:value-of select="code" /></dev:code>
            <dev:remarks><xsl:apply-templates select="remarks/para" /></dev:remarks>
          </command:example>
        </xsl:for-each>
      </command:examples>
      <command:relatedLinks>
        <xsl:for-each select="link">
          <maml:navigationLink>
            <maml:linkText><xsl:value-of select="." /></maml:linkText>
            <maml:uri />
          </maml:navigationLink>
        </xsl:for-each>
      </command:relatedLinks>
    </command:command>
  </xsl:template>

  <xsl:template name="parameter">
    <xsl:param name="set" />
    <xsl:param name="inSyntax" />
    <xsl:variable name="type">
      <xsl:choose>
        <xsl:when test="@type"><xsl:value-of select="@type" /></xsl:when>
        <xsl:otherwise>String</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="required">
      <xsl:choose>
        <xsl:when test="@required = 'true'">true</xsl:when>
        <xsl:when test="$set != '' and contains(concat(',', @requiredIn, ','), concat(',', $set, ','))">true</xsl:when>
        <xsl:otherwise>false</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <command:parameter required="{$required}" variableLength="{contains($type, '[]')}" globbing="{@globbing = 'true'}" position="{concat(substring('named', 1, 5 * not(@position)), @position)}">
      <xsl:attribute name="pipelineInput">
        <xsl:choose>
          <xsl:when test="@pipeline"><xsl:value-of select="concat('True (', @pipeline, ')')" /></xsl:when>
          <xsl:otherwise>False</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:attribute name="aliases">
        <xsl:choose>
          <xsl:when test="@aliases"><xsl:value-of select="@aliases" /></xsl:when>
          <xsl:otherwise>none</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <maml:name><xsl:value-of select="@name" /></maml:name>
      <xsl:if test="not($inSyntax)">
        <maml:description><xsl:apply-templates select="para" /></maml:description>
      </xsl:if>
      <xsl:if test="not($inSyntax and $type = 'SwitchParameter')">
        <command:parameterValue required="{$type != 'SwitchParameter'}" variableLength="{contains($type, '[]')}"><xsl:value-of select="$type" /></command:parameterValue>
      </xsl:if>
      <dev:type><maml:name><xsl:value-of select="$type" /></maml:name><maml:uri /></dev:type>
      <dev:defaultValue>
        <xsl:choose>
          <xsl:when test="@default"><xsl:value-of select="@default" /></xsl:when>
          <xsl:when test="$type = 'SwitchParameter'">False</xsl:when>
          <xsl:otherwise>None</xsl:otherwise>
        </xsl:choose>
      </dev:defaultValue>
    </command:parameter>
  </xsl:template>

  <xsl:template match="para">
    <maml:para><xsl:value-of select="normalize-space(.)" /></maml:para>
  </xsl:template>
</xsl:stylesheet>
