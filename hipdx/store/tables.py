"""The database tables (SQLAlchemy 2 declarative); changes go through migrations/."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

Json = sa.JSON().with_variant(JSONB(), "postgresql")
AuditId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class AssessmentRow(Base):
    """A kept assessment: input as given, result JSON, KB version, list and search fields."""

    __tablename__ = "assessments"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(sa.String(200))
    origin: Mapped[str] = mapped_column(sa.String(20))
    kb_version: Mapped[str] = mapped_column(sa.String(100))
    headline: Mapped[str] = mapped_column(sa.String(200))
    triage_level: Mapped[str] = mapped_column(sa.String(20))
    search_text: Mapped[str] = mapped_column(sa.Text)
    input: Mapped[dict[str, Any]] = mapped_column(Json)
    result: Mapped[dict[str, Any]] = mapped_column(Json)


class InterviewRow(Base):
    """A kept interview session: its JSON state and the assessment it ended with."""

    __tablename__ = "interview_sessions"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(sa.String(200))
    revision: Mapped[int] = mapped_column(sa.Integer)
    state: Mapped[dict[str, Any]] = mapped_column(Json)
    assessment_id: Mapped[str | None] = mapped_column(
        sa.String(36), sa.ForeignKey("assessments.id"), nullable=True
    )


class AuditRow(Base):
    """One line of the audit log; the database refuses UPDATE and DELETE on this table."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(AuditId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(sa.String(200))
    action: Mapped[str] = mapped_column(sa.String(50))
    target_type: Mapped[str] = mapped_column(sa.String(50))
    target_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(Json)


metadata = Base.metadata
